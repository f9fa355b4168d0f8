notescSearch.shard("1t",{"1t":[2]});
