notescSearch.shard("ml",{"mla":[0,3]});
