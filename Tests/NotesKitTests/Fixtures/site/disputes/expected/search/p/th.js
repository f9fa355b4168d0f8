notescSearch.shard("th",{"the":[0,2]});
