notescSearch.shard("me",{"mechanisms":[0,2,25],"memory":[0]});
