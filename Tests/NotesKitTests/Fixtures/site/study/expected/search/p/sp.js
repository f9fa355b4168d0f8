notescSearch.shard("sp",{"span":[6],"sparse":[0]});
