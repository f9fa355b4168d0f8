notescSearch.shard("ow",{"own":[2,8]});
