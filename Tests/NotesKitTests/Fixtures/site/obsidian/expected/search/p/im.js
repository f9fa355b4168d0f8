notescSearch.shard("im",{"image":[6],"images":[7]});
