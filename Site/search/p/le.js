notescSearch.shard("le",{"learning":[4],"length":[6,59],"lengths":[6],"less":[2,4,2],"level":[0]});
