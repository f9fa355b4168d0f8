notescSearch.shard("e5",{"e5m2":[8]});
