notescSearch.shard("ta",{"table":[4,8],"tags":[0,2,2,4,2,2],"take":[0,2,2,2,2,2,2],"tasks":[6]});
