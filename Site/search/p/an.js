notescSearch.shard("an",{"an":[0,2,4,2],"and":[0,2,2,2,2,2,3,72],"answered":[4],"any":[12]});
