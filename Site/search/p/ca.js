notescSearch.shard("ca",{"cache":[0,3,3,5,60,2],"cached":[2,8],"caches":[2,8],"caching":[10],"calculations":[0,2,8],"can":[0,4,2,2,2],"card":[0],"careful":[2],"category":[0,2,2,2,2,2],"caveat":[2]});
