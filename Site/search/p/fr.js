notescSearch.shard("fr",{"fraction":[0,2],"framework":[0,8],"framing":[10],"free":[0,4,2],"freedom":[4],"frees":[8],"from":[0,6,4,2],"frontier":[0]});
