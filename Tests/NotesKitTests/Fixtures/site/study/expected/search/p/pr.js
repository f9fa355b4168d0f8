notescSearch.shard("pr",{"print":[4],"processed":[0,6]});
