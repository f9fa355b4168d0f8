notescSearch.shard("28",{"28":[0]});
