notescSearch.shard("28",{"28":[4,2]});
