notescSearch.shard("mh",{"mha":[2,21,3]});
