notescSearch.shard("30",{"30":[6]});
