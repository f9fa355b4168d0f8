notescSearch.shard("03",{"03":[0,2,4]});
