notescSearch.shard("37",{"37":[8],"37b":[0,12]});
