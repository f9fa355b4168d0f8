notescSearch.shard("ch",{"check":[0]});
