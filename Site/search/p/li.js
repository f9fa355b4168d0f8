notescSearch.shard("li",{"like":[10],"limited":[2,2],"line":[12],"links":[12],"little":[0],"lives":[4]});
