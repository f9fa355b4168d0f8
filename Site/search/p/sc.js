notescSearch.shard("sc",{"scale":[0,2,2,4,2,3,72,4],"scales":[4],"scaling":[0,8],"science":[6],"scores":[0]});
