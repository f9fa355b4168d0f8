notescSearch.shard("wh",{"what":[6,2,2,87],"when":[4],"where":[2],"which":[0,2,2,4],"while":[2],"who":[10,87],"why":[0,2,2]});
