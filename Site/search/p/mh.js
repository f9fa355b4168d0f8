notescSearch.shard("mh",{"mha":[2,8,37,25,6]});
