notescSearch.shard("na",{"name":[2,4]});
