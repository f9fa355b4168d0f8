notescSearch.shard("sn",{"sneaky":[0]});
