notescSearch.shard("am",{"among":[0]});
