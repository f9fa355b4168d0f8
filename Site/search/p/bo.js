notescSearch.shard("bo",{"bound":[2,2,8],"boundaries":[6],"bounds":[2],"box":[6]});
