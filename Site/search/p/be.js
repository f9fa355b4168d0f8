notescSearch.shard("be",{"be":[0,2,8],"beating":[2],"beats":[10],"because":[10],"before":[8],"behind":[0],"being":[2],"below":[2,8,2],"best":[10],"better":[6],"between":[4],"beyond":[8]});
