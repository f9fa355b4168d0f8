notescSearch.shard("cl",{"claim":[2],"classic":[4],"claude":[6,9,47],"clean":[0],"clear":[6],"clever":[6]});
