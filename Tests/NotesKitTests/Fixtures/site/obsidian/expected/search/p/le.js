notescSearch.shard("le",{"len":[2]});
