notescSearch.shard("67",{"671b":[0]});
