notescSearch.shard("se",{"see":[10]});
