notescSearch.shard("sv",{"svg":[6,23]});
