notescSearch.shard("as",{"as":[4,4,2,2],"asks":[12]});
