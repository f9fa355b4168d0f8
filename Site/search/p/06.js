notescSearch.shard("06",{"06":[0,2,4],"06066":[4]});
