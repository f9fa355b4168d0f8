notescSearch.shard("cl",{"claim":[6],"clear":[0]});
