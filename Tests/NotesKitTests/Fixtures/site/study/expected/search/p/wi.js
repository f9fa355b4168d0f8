notescSearch.shard("wi",{"winner":[0],"wins":[6],"with":[4]});
