notescSearch.shard("mt",{"mtp":[0]});
