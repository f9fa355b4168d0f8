notescSearch.shard("5m",{"5m":[0,6,6]});
