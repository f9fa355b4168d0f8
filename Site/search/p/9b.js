notescSearch.shard("9b",{"9b":[4]});
