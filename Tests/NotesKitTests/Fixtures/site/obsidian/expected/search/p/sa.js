notescSearch.shard("sa",{"samples":[3,3,4]});
