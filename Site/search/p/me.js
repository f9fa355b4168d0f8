notescSearch.shard("me",{"means":[2,2,2],"mechanics":[2,4],"mechanisms":[2,4,55],"megatron":[8],"memory":[2,4,2,2,69],"meta":[0]});
