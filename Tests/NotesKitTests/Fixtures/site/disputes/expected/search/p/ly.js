notescSearch.shard("ly",{"lynx":[0,3,2,3]});
