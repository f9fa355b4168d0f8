notescSearch.shard("01",{"01":[2,2,2,2,2,2]});
