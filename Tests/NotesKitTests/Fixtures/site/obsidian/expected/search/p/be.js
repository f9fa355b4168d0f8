notescSearch.shard("be",{"be":[6],"begin":[10]});
