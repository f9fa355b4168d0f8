notescSearch.shard("ha",{"hat":[10],"have":[10]});
