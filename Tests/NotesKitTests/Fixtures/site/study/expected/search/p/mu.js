notescSearch.shard("mu",{"multi":[0,3]});
