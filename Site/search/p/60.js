notescSearch.shard("60",{"60":[2]});
