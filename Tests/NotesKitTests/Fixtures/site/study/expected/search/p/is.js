notescSearch.shard("is",{"is":[0,4]});
