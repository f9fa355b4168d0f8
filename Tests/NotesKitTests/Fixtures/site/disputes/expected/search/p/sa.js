notescSearch.shard("sa",{"says":[0]});
