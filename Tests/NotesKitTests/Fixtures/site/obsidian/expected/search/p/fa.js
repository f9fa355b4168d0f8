notescSearch.shard("fa",{"far":[4]});
