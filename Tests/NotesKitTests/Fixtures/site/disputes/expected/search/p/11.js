notescSearch.shard("11",{"11":[0,2]});
