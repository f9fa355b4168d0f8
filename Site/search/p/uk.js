notescSearch.shard("uk",{"uk":[10]});
