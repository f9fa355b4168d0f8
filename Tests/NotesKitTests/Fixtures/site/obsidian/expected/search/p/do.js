notescSearch.shard("do",{"dollars":[10],"down":[6]});
