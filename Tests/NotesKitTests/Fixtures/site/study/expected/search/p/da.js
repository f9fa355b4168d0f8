notescSearch.shard("da",{"danger":[7],"data":[4],"date":[0,6]});
