notescSearch.shard("8t",{"8t":[0,8]});
