notescSearch.shard("ca",{"cache":[0],"cached":[2],"caches":[2],"calculations":[0],"category":[0,6]});
