notescSearch.shard("it",{"it":[4,6],"its":[6,2,2]});
