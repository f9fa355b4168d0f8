notescSearch.shard("li",{"like":[10],"limited":[2,2],"little":[0],"lives":[4]});
