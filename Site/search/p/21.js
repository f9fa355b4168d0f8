notescSearch.shard("21",{"21":[2],"21b":[0,2]});
