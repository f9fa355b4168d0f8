notescSearch.shard("56",{"56":[10]});
