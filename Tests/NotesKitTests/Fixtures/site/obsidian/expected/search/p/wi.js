notescSearch.shard("wi",{"with":[4,4,2],"without":[2]});
