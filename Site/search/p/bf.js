notescSearch.shard("bf",{"bf16":[2,6,2,3,63,12]});
