notescSearch.shard("sp",{"space":[10]});
