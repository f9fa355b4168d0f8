notescSearch.shard("10",{"10":[0,6],"10m":[0]});
