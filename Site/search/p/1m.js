notescSearch.shard("1m",{"1m":[0,6]});
