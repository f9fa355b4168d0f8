notescSearch.shard("of",{"of":[0,2]});
