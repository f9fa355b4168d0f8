notescSearch.shard("ju",{"just":[4]});
