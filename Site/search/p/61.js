notescSearch.shard("61",{"61":[0]});
