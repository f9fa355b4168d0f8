notescSearch.shard("12",{"128":[0]});
