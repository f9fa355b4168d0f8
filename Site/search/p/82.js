notescSearch.shard("82",{"82":[2]});
