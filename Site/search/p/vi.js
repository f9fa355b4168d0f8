notescSearch.shard("vi",{"viral":[0]});
