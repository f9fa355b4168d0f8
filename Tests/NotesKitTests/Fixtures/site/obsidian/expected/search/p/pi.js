notescSearch.shard("pi",{"pixels":[6]});
