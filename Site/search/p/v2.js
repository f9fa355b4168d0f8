notescSearch.shard("v2",{"v2":[0,3,1,2,4,11,37,8,4,4,8,8,6]});
