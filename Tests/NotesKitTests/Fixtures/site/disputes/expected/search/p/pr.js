notescSearch.shard("pr",{"processed":[0,2]});
