notescSearch.shard("of",{"of":[1,2,2,1,2,2,2],"off":[10]});
