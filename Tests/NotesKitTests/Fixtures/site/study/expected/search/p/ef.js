notescSearch.shard("ef",{"efficiency":[0]});
