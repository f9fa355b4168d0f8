notescSearch.shard("nv",{"nvidia":[8]});
