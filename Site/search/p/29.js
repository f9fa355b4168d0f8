notescSearch.shard("29",{"29":[12]});
