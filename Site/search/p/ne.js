notescSearch.shard("ne",{"neat":[4],"need":[8],"needed":[0,6],"needs":[2,2],"neither":[8],"never":[10],"next":[0,4,4,2]});
