notescSearch.shard("5k",{"5k":[0]});
