notescSearch.shard("gi",{"gib":[2],"gives":[4,6,2]});
