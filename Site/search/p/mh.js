notescSearch.shard("mh",{"mha":[2,8,39,25,6]});
