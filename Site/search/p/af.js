notescSearch.shard("af",{"affinity":[0],"affordable":[0],"after":[0]});
