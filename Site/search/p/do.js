notescSearch.shard("do",{"do":[4,8],"dollars":[12],"down":[0],"downstream":[8]});
