notescSearch.shard("we",{"we":[6],"weighs":[13],"weight":[8],"weights":[0,6,2],"went":[0]});
