notescSearch.shard("ta",{"table":[0,2],"tags":[0,6],"take":[0]});
