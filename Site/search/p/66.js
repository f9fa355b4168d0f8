notescSearch.shard("66",{"664m":[0]});
