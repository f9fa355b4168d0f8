notescSearch.shard("ga",{"gate":[0]});
