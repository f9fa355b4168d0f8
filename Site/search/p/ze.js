notescSearch.shard("ze",{"zero":[8]});
