notescSearch.shard("38",{"380":[2]});
