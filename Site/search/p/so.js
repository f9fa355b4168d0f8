notescSearch.shard("so",{"so":[0,4,4,2,2],"some":[6,6],"sophisticated":[6],"source":[0,2,2,2,2,2,2]});
