notescSearch.shard("as",{"as":[10]});
