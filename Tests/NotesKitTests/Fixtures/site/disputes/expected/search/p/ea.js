notescSearch.shard("ea",{"each":[0]});
