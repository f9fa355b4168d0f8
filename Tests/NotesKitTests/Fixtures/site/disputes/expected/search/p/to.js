notescSearch.shard("to",{"tokens":[0,2]});
