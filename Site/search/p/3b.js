notescSearch.shard("3b",{"3b":[4]});
