notescSearch.shard("el",{"elements":[2]});
