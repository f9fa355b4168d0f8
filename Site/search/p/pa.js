notescSearch.shard("pa",{"page":[12],"paper":[0,2,3,1,3],"papers":[6],"parallelism":[6,2],"parameter":[0,4,4],"parameters":[0,2,2,8],"params":[0,4,2,6],"part":[2,2],"partial":[8],"parts":[8]});
