notescSearch.shard("ar",{"are":[10]});
