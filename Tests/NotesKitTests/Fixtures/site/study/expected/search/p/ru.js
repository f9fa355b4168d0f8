notescSearch.shard("ru",{"rumored":[0]});
