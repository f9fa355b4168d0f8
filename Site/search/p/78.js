notescSearch.shard("78",{"788m":[0]});
