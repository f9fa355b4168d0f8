notescSearch.shard("20",{"2025":[0,2]});
