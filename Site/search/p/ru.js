notescSearch.shard("ru",{"rumored":[6],"run":[0,6,2],"runs":[0,8]});
