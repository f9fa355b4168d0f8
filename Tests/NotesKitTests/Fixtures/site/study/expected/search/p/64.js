notescSearch.shard("64",{"64":[0]});
