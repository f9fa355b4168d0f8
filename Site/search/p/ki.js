notescSearch.shard("ki",{"kib":[2,8]});
