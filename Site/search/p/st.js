notescSearch.shard("st",{"stable":[8],"stages":[0],"standard":[0,6,2],"standpoint":[6],"state":[8],"stays":[0,4],"step":[0,2,6,2],"steps":[8],"still":[2,2,2],"strong":[2,8],"study":[1,2,2,2,2,2]});
