notescSearch.shard("ke",{"key":[0,2,4],"keys":[2]});
