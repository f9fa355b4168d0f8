notescSearch.shard("fo",{"for":[0,2,2,2,2],"formats":[8,61],"forward":[2,6]});
