notescSearch.shard("fa",{"far":[2]});
