notescSearch.shard("ti",{"tile":[8],"tiles":[0],"time":[12],"times":[4,8]});
