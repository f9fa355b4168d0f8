notescSearch.shard("no",{"no":[0,2,2,2,2],"node":[0,4],"nodes":[0],"nor":[8],"not":[0,10],"notable":[6],"note":[2,11],"notes":[10,3]});
