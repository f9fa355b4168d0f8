notescSearch.shard("tl",{"tl":[0,2,2,2,2,2]});
