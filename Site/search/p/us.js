notescSearch.shard("us",{"usd":[12],"use":[2,2],"used":[0,2,6],"useful":[10],"uses":[4,4,2,89]});
