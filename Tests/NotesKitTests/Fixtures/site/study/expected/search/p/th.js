notescSearch.shard("th",{"that":[2],"the":[0,2,2]});
