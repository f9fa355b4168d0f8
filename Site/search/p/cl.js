notescSearch.shard("cl",{"claim":[2,10],"claims":[12],"classic":[4],"claude":[6,11,47],"clean":[0],"clear":[6],"clever":[6]});
