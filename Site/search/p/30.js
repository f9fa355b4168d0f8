notescSearch.shard("30",{"30":[0],"300":[2]});
