notescSearch.shard("pi",{"picked":[0],"pipeline":[6,2]});
