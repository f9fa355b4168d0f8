notescSearch.shard("an",{"an":[0,10],"anchors":[7],"and":[0,2,2,3,4],"another":[10]});
