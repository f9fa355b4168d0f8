notescSearch.shard("sa",{"safe":[6,19,3]});
