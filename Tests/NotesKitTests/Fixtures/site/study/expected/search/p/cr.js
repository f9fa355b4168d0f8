notescSearch.shard("cr",{"crushes":[0]});
