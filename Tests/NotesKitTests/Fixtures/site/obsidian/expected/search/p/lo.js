notescSearch.shard("lo",{"log":[4,6],"loss":[9,1]});
