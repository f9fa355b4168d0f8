notescSearch.shard("ke",{"key":[0,2]});
