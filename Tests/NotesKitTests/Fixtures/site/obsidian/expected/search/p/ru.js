notescSearch.shard("ru",{"ruby":[2,4],"run":[10]});
