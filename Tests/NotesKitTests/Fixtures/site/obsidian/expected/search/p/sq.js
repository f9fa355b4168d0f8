notescSearch.shard("sq",{"square":[6],"squared":[8]});
