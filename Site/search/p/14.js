notescSearch.shard("14",{"14":[0,8],"145b":[4]});
