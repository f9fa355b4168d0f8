notescSearch.shard("bf",{"bf16":[0]});
