notescSearch.shard("ya",{"yarn":[0]});
