notescSearch.shard("ho",{"hour":[0],"hours":[0,2,10],"how":[0,6,6]});
