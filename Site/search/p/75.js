notescSearch.shard("75",{"75":[8]});
