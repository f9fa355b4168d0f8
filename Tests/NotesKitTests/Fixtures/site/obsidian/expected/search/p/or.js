notescSearch.shard("or",{"ordinary":[0]});
