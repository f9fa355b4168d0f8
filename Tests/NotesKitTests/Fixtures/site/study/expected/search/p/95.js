notescSearch.shard("95",{"95":[0]});
