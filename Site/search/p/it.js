notescSearch.shard("it",{"it":[0,2,6,2,2],"iterating":[6],"its":[2,2,6,2]});
