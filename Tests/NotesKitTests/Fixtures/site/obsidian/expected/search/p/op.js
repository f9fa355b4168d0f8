notescSearch.shard("op",{"open":[0,6]});
