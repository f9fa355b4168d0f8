notescSearch.shard("20",{"20260101":[6]});
