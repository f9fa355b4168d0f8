notescSearch.shard("un",{"underflow":[8],"unit":[0],"unrelated":[4]});
