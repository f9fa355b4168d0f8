notescSearch.shard("12",{"128k":[0,2]});
