notescSearch.shard("1e",{"1e9":[12]});
