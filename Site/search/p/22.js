notescSearch.shard("22",{"22":[4]});
