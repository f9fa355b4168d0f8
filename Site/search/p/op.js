notescSearch.shard("op",{"open":[6],"openai":[6],"optimizer":[8]});
