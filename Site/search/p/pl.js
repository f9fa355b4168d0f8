notescSearch.shard("pl",{"place":[4],"places":[0],"plain":[0],"plus":[0,2]});
