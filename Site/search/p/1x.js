notescSearch.shard("1x",{"1x128":[0,8]});
