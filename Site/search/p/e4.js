notescSearch.shard("e4",{"e4m3":[8]});
