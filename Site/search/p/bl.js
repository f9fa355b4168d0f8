notescSearch.shard("bl",{"black":[6],"block":[8],"blocks":[0]});
