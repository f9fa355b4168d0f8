notescSearch.shard("un",{"underflow":[8],"unit":[0,12],"unrelated":[4]});
