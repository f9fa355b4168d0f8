notescSearch.shard("51",{"512":[0]});
