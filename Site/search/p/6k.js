notescSearch.shard("6k",{"6k":[2]});
