notescSearch.shard("or",{"or":[0,8],"origin":[0]});
