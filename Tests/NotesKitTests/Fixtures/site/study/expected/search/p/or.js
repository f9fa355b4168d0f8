notescSearch.shard("or",{"or":[0]});
