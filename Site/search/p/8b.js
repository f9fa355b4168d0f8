notescSearch.shard("8b",{"8b":[4]});
