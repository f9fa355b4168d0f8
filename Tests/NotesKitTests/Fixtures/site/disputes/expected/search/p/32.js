notescSearch.shard("32",{"32k":[2]});
