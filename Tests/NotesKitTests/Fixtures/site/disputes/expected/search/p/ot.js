notescSearch.shard("ot",{"otherwise":[0],"otter":[0,2,5,1]});
