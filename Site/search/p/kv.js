notescSearch.shard("kv",{"kv":[0,3,3,5,62,2]});
