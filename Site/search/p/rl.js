notescSearch.shard("rl",{"rl":[0],"rlhf":[6]});
