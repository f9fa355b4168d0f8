notescSearch.shard("23",{"2310":[8],"236b":[0,2]});
