notescSearch.shard("al",{"al":[4,4],"all":[0,2,2,4,2],"almost":[0],"alone":[2],"already":[6],"also":[2],"always":[4,2]});
