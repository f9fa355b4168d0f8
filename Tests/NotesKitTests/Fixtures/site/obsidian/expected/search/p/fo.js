notescSearch.shard("fo",{"folded":[0],"for":[0,2,2,4,2],"found":[6]});
