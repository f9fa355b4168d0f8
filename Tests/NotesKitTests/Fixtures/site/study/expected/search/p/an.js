notescSearch.shard("an",{"and":[0,2,2,2]});
