notescSearch.shard("vi",{"visit":[0]});
