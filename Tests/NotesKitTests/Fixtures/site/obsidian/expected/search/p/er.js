notescSearch.shard("er",{"error":[8]});
