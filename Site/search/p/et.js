notescSearch.shard("et",{"et":[4,4],"etc":[6]});
