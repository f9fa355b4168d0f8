notescSearch.shard("sw",{"switch":[4]});
