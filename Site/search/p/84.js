notescSearch.shard("84",{"84m":[0]});
