notescSearch.shard("cr",{"credits":[8],"cross":[0,13],"crushes":[6]});
