notescSearch.shard("v2",{"v2":[0,2,7,17]});
