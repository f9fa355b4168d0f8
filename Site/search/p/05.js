notescSearch.shard("05",{"05":[0,6]});
