notescSearch.shard("13",{"130k":[0]});
