notescSearch.shard("ea",{"each":[0,2,2,9],"earlier":[0]});
