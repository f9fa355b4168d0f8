notescSearch.shard("at",{"at":[0,2,2,2,4,2],"attention":[0,2,4,5,50]});
