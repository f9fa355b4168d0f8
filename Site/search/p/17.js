notescSearch.shard("17",{"172":[2],"175b":[8,83]});
