notescSearch.shard("fu",{"further":[2]});
