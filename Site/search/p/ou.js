notescSearch.shard("ou",{"out":[2,10],"outliers":[8],"output":[2,8]});
