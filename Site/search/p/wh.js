notescSearch.shard("wh",{"what":[6,2,2,3,86],"when":[4,8],"where":[2,10],"which":[0,2,2,4,4],"while":[2],"who":[10,89],"whole":[12],"why":[0,2,2]});
