notescSearch.shard("in",{"in":[0,6],"inline":[6],"instead":[2]});
