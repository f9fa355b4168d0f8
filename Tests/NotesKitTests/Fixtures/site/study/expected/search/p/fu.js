notescSearch.shard("fu",{"full":[0,2]});
