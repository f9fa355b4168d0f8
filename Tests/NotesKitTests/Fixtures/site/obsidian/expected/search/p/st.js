notescSearch.shard("st",{"stability":[4],"start":[0],"stays":[2,4]});
