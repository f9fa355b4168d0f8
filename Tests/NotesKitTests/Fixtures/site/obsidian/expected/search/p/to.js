notescSearch.shard("to",{"to":[2,4]});
