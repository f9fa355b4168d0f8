notescSearch.shard("mu",{"multi":[1,1,4,5]});
