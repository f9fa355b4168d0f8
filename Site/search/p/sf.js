notescSearch.shard("sf",{"sft":[0]});
