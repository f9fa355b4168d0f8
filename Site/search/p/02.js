notescSearch.shard("02",{"02":[0,4,2,4,2]});
