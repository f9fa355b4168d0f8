notescSearch.shard("he",{"head":[0,3],"heading":[4],"heads":[2]});
