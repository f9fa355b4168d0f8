notescSearch.shard("95",{"95":[2]});
