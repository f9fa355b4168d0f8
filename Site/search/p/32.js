notescSearch.shard("32",{"32":[10],"32k":[0]});
