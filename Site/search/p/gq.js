notescSearch.shard("gq",{"gqa":[2,8,27,35,6]});
