notescSearch.shard("sh",{"shrinks":[0]});
