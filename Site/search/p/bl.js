notescSearch.shard("bl",{"black":[6],"block":[8,4],"blocks":[0]});
