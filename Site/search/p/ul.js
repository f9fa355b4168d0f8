notescSearch.shard("ul",{"ultimate":[4]});
