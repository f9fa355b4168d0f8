notescSearch.shard("pu",{"puts":[2]});
