notescSearch.shard("me",{"means":[2,2,2],"mechanics":[2,4],"mechanisms":[2,4,53],"megatron":[8],"memory":[2,4,2,2,67],"meta":[0]});
