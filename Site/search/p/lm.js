notescSearch.shard("lm",{"lm":[0,6,3,20,39]});
