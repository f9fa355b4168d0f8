notescSearch.shard("br",{"breaks":[10]});
