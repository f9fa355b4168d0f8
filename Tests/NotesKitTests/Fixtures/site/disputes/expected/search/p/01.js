notescSearch.shard("01",{"01":[2]});
