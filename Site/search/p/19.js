notescSearch.shard("19",{"19437":[0]});
