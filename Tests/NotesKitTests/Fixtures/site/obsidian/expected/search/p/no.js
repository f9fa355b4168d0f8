notescSearch.shard("no",{"no":[2],"not":[2,8],"note":[6],"notes":[6]});
