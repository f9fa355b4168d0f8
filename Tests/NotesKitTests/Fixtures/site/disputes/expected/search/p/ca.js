notescSearch.shard("ca",{"category":[0,2]});
