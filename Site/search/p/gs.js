notescSearch.shard("gs",{"gshard":[4,37,25,22]});
