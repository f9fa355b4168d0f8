notescSearch.shard("ml",{"mla":[1,2,1,2,5,42,21,6]});
