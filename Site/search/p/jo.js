notescSearch.shard("jo",{"joint":[2]});
