notescSearch.shard("nu",{"numbers":[0]});
