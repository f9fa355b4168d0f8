notescSearch.shard("51",{"512":[2,8]});
