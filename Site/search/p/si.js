notescSearch.shard("si",{"signal":[0],"site":[12],"size":[2,10],"sizes":[10]});
