notescSearch.shard("de",{"def":[2],"definition":[4,4]});
