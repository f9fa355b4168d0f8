notescSearch.shard("40",{"40":[4],"405b":[0,12]});
