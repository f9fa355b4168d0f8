notescSearch.shard("li",{"link":[4],"links":[4]});
