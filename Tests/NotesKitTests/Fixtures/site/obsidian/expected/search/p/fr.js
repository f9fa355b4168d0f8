notescSearch.shard("fr",{"frac":[10],"frameworks":[4],"friends":[2,2,2,5],"from":[0,4]});
