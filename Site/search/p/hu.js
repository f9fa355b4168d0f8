notescSearch.shard("hu",{"hurting":[0]});
