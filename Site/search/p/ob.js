notescSearch.shard("ob",{"objective":[0,97]});
