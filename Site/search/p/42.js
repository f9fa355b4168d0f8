notescSearch.shard("42",{"42":[2]});
