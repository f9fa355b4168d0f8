notescSearch.shard("by",{"by":[6]});
