notescSearch.shard("pa",{"paper":[0,3]});
