notescSearch.shard("or",{"or":[0,8],"order":[12],"origin":[0]});
