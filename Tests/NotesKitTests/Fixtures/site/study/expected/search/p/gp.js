notescSearch.shard("gp",{"gpt":[0,15,11]});
