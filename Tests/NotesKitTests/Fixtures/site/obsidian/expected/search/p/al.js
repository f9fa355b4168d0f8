notescSearch.shard("al",{"aligned":[10]});
