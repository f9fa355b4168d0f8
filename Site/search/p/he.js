notescSearch.shard("he",{"head":[2,4,5],"headline":[0,8],"heads":[2,8],"helps":[6]});
