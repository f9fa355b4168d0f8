notescSearch.shard("al",{"alert":[7,10,12]});
