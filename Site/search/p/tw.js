notescSearch.shard("tw",{"two":[0,4,8]});
