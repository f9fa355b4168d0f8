notescSearch.shard("wh",{"where":[0]});
