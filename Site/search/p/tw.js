notescSearch.shard("tw",{"two":[0,4]});
