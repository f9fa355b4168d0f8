notescSearch.shard("lm",{"lm":[0,6,3,22,39]});
