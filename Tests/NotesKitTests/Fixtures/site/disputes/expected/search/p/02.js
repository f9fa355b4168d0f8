notescSearch.shard("02",{"02":[0]});
