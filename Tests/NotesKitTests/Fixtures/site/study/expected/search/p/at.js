notescSearch.shard("at",{"attention":[1,2,24]});
