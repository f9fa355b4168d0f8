notescSearch.shard("im",{"import":[10],"imported":[10],"impressive":[2]});
