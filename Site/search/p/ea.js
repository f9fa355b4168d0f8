notescSearch.shard("ea",{"each":[0,2,2],"earlier":[0]});
