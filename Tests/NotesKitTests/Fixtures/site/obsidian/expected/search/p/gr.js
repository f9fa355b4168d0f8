notescSearch.shard("gr",{"graph":[2],"greet":[2]});
