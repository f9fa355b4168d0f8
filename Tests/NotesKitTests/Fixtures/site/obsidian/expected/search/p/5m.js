notescSearch.shard("5m",{"5m":[10]});
