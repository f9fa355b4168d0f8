notescSearch.shard("fu",{"full":[0,2,6,2]});
