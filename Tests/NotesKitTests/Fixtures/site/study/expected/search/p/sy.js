notescSearch.shard("sy",{"system":[6,19,3]});
