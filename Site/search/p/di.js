notescSearch.shard("di",{"difference":[4],"dim":[2,8],"dimensions":[10],"distributed":[8]});
