notescSearch.shard("ou",{"out":[2],"outliers":[8],"output":[2,8]});
