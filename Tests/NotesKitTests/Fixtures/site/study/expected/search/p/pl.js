notescSearch.shard("pl",{"plain":[0,5,1]});
