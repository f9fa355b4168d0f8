notescSearch.shard("gq",{"gqa":[2,8,29,35,6]});
