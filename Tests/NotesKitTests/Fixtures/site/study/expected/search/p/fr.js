notescSearch.shard("fr",{"from":[0]});
