notescSearch.shard("v3",{"v3":[0,11,15,4]});
