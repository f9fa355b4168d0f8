notescSearch.shard("is",{"is":[0,4,2,2,2]});
