notescSearch.shard("bu",{"build":[12],"builds":[0],"built":[12],"but":[0,2,2,2,6]});
