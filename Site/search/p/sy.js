notescSearch.shard("sy",{"systems":[9]});
