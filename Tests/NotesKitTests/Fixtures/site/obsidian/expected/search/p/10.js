notescSearch.shard("10",{"10m":[10]});
