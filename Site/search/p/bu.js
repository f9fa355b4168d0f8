notescSearch.shard("bu",{"builds":[0],"but":[0,2,2,2]});
