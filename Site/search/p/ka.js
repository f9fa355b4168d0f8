notescSearch.shard("ka",{"karpathy":[0,4,2]});
