notescSearch.shard("gs",{"gshard":[4,35,25,22]});
