notescSearch.shard("18",{"180k":[0],"18313":[8]});
