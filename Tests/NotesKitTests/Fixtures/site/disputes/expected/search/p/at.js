notescSearch.shard("at",{"at":[2]});
