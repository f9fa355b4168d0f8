notescSearch.shard("ta",{"table":[4],"tags":[0,2,2,4,2],"take":[0,2,2,2,2,2],"tasks":[6]});
