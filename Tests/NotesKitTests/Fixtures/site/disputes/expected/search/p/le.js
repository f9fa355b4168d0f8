notescSearch.shard("le",{"length":[0,2,7]});
