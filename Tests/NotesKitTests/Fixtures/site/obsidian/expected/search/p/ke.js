notescSearch.shard("ke",{"keeps":[10]});
