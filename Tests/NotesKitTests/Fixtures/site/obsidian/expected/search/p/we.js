notescSearch.shard("we",{"we":[10]});
