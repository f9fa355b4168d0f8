notescSearch.shard("ar",{"architectural":[2,4],"architecturally":[6],"architecture":[0,2,3,2,1,2,49],"architectures":[6,77],"are":[0,2,2,2,2,2,2],"argument":[4],"arxiv":[0,2,2,4,2]});
