notescSearch.shard("16",{"16":[0]});
