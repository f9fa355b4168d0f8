notescSearch.shard("ev",{"every":[0,4,4,2,2],"everything":[6,4],"everywhere":[8]});
