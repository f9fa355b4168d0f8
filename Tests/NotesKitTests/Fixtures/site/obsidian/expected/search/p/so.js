notescSearch.shard("so",{"softmax":[2,2,2,5]});
