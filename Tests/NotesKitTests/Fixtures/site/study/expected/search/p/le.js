notescSearch.shard("le",{"less":[2]});
