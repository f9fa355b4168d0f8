notescSearch.shard("tl",{"tl":[0,2]});
