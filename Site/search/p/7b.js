notescSearch.shard("7b",{"7b":[4]});
