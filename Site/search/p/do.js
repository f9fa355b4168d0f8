notescSearch.shard("do",{"do":[4],"down":[0],"downstream":[8]});
