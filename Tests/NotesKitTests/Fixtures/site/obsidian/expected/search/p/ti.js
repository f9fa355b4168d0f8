notescSearch.shard("ti",{"title":[0,6]});
