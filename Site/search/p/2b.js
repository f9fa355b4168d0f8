notescSearch.shard("2b",{"2b":[4]});
