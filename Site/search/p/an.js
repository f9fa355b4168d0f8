notescSearch.shard("an",{"an":[0,2,4,2],"and":[0,2,2,2,2,2,73],"answered":[4]});
