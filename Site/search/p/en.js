notescSearch.shard("en",{"engine":[8,49,33],"engineering":[0],"enough":[10]});
