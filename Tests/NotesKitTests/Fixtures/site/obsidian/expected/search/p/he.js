notescSearch.shard("he",{"heading":[6],"hello":[2]});
