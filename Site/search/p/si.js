notescSearch.shard("si",{"signal":[0],"size":[2],"sizes":[10]});
