notescSearch.shard("as",{"as":[4,4,2]});
