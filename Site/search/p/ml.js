notescSearch.shard("ml",{"mla":[1,2,1,2,5,40,21,6]});
