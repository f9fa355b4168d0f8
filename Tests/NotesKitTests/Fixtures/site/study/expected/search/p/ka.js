notescSearch.shard("ka",{"karpathy":[0]});
