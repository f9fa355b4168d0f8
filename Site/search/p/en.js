notescSearch.shard("en",{"engine":[8,47,33],"engineering":[0],"enough":[10]});
