notescSearch.shard("ve",{"verdict":[0,2,4]});
