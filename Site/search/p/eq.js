notescSearch.shard("eq",{"equal":[4],"equivalent":[10]});
