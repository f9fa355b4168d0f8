notescSearch.shard("ov",{"overflow":[8]});
