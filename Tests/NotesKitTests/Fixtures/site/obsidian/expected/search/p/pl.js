notescSearch.shard("pl",{"plain":[2]});
