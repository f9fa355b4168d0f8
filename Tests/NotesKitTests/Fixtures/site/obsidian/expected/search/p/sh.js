notescSearch.shard("sh",{"shown":[0]});
