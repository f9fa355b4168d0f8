notescSearch.shard("au",{"automatic":[8],"aux":[0,4,2],"auxiliary":[0]});
