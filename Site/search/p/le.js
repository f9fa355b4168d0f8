notescSearch.shard("le",{"learning":[4],"length":[6,57],"lengths":[6],"less":[2,4,2],"level":[0]});
