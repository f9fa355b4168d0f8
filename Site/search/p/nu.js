notescSearch.shard("nu",{"nudged":[0],"number":[0,4]});
