notescSearch.shard("im",{"img":[7,10,11]});
