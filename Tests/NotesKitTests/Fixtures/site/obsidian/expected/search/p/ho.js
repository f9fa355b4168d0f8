notescSearch.shard("ho",{"hot":[10],"how":[4]});
