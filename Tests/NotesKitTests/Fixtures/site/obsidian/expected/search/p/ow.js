notescSearch.shard("ow",{"own":[10]});
