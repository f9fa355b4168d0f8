notescSearch.shard("ha",{"has":[0]});
