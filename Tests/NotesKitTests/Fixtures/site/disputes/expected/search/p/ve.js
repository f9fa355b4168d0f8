notescSearch.shard("ve",{"verdict":[0,2]});
