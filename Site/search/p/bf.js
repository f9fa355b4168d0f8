notescSearch.shard("bf",{"bf16":[2,6,2,5,63,12]});
