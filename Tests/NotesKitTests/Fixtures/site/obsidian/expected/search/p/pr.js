notescSearch.shard("pr",{"practice":[4],"predicted":[4],"prices":[10]});
