notescSearch.shard("ov",{"over":[6]});
