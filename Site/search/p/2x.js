notescSearch.shard("2x",{"2x":[10]});
