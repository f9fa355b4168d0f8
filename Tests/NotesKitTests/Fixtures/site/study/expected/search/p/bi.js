notescSearch.shard("bi",{"bit":[0]});
