notescSearch.shard("id",{"idea":[0],"ideas":[4]});
