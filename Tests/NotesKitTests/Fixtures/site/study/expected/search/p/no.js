notescSearch.shard("no",{"no":[4],"not":[0],"note":[0,5,1]});
