notescSearch.shard("gp",{"gpt":[0,6,2,27,2,21,2,4,18,9,3],"gpu":[0,2,10]});
