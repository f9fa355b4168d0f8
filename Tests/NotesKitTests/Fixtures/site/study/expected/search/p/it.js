notescSearch.shard("it",{"it":[2,2]});
