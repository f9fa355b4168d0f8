notescSearch.shard("se",{"sections":[4],"see":[0]});
