notescSearch.shard("fe",{"feed":[2],"few":[4]});
