notescSearch.shard("de",{"deepseek":[0,2,7,2,15,4],"designs":[0]});
