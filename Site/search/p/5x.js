notescSearch.shard("5x",{"5x":[2,2]});
