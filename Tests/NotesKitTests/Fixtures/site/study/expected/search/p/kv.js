notescSearch.shard("kv",{"kv":[0]});
