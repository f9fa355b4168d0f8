notescSearch.shard("ec",{"economical":[2]});
