notescSearch.shard("of",{"of":[0,4,6]});
