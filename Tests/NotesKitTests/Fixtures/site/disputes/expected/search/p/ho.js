notescSearch.shard("ho",{"how":[0]});
