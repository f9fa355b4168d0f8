notescSearch.shard("ef",{"efficiency":[0,6,3,86],"efficient":[2,2,2]});
