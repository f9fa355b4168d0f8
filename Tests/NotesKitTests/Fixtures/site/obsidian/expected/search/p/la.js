notescSearch.shard("la",{"language":[2]});
