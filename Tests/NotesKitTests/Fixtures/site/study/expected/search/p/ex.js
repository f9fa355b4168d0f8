notescSearch.shard("ex",{"example":[0]});
