notescSearch.shard("64",{"64":[2,2,6]});
