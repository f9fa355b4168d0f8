notescSearch.shard("da",{"date":[0,2]});
