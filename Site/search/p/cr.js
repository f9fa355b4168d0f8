notescSearch.shard("cr",{"credits":[8],"cross":[0],"crushes":[6]});
