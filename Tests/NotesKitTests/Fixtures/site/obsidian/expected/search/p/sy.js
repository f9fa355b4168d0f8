notescSearch.shard("sy",{"syntax":[0]});
