notescSearch.shard("ef",{"efficiency":[0,6,3,84],"efficient":[2,2,2]});
