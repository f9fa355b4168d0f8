notescSearch.shard("2t",{"2t":[4]});
