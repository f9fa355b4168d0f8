notescSearch.shard("su",{"sum":[2,2,6]});
