notescSearch.shard("ab",{"ablation":[0],"ablations":[4,6],"about":[0,2,2,4,2,2],"above":[10],"absorbed":[10],"absorbing":[2],"absorption":[10]});
