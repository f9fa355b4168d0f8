notescSearch.shard("is",{"is":[0,2,2,2,2,2,2],"isolation":[4]});
