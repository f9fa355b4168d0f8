notescSearch.shard("di",{"dim":[2]});
