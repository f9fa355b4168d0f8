notescSearch.shard("ve",{"vector":[2,8],"verdict":[0,2,2,2,2,2],"verified":[12],"versus":[4]});
