notescSearch.shard("lo",{"low":[2]});
