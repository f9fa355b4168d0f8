notescSearch.shard("af",{"after":[0]});
