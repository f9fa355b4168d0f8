notescSearch.shard("sr",{"src":[7,10,11]});
