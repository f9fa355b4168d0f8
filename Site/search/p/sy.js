notescSearch.shard("sy",{"system":[13],"systems":[9,3]});
