notescSearch.shard("br",{"break":[10],"browser":[0]});
