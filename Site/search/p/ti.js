notescSearch.shard("ti",{"tile":[8],"tiles":[0],"times":[4]});
