notescSearch.shard("fa",{"far":[0]});
