notescSearch.shard("8k",{"8k":[2]});
