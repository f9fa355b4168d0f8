notescSearch.shard("h1",{"h100":[0,9,3,79]});
