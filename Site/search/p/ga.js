notescSearch.shard("ga",{"gate":[0],"gathered":[12]});
