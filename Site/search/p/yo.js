notescSearch.shard("yo",{"you":[6,2]});
