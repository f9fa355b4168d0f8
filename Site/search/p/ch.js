notescSearch.shard("ch",{"change":[2],"changes":[0,8,4],"chart":[12],"cheaper":[0,2],"cheapest":[8],"check":[0,2,8],"checks":[2],"choose":[4]});
