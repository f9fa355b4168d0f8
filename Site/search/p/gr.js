notescSearch.shard("gr",{"gradient":[0],"gradients":[8],"grained":[0,2,2,2,2],"granularity":[4,63],"group":[12],"groups":[10]});
