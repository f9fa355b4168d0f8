notescSearch.shard("bl",{"block":[2,4],"blue":[6]});
