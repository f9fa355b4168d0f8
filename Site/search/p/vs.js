notescSearch.shard("vs",{"vs":[4,59]});
