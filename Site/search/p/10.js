notescSearch.shard("10",{"10":[0,2,2,2,2,2,2],"10m":[6]});
