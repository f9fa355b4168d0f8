notescSearch.shard("ht",{"https":[0]});
