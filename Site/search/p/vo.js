notescSearch.shard("vo",{"vocabulary":[4]});
