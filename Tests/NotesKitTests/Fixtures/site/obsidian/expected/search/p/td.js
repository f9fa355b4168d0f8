notescSearch.shard("td",{"td":[2]});
