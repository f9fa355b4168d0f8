notescSearch.shard("up",{"up":[0,2,8],"upper":[4]});
