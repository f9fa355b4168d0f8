notescSearch.shard("vs",{"vs":[4,57]});
