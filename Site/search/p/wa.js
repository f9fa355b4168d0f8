notescSearch.shard("wa",{"was":[0],"way":[4,6]});
