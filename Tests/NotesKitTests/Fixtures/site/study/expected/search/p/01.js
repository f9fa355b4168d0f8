notescSearch.shard("01",{"01":[6]});
