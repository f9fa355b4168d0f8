notescSearch.shard("ai",{"ai":[0,2,4]});
