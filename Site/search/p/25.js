notescSearch.shard("25",{"25":[10],"256":[0,4,6]});
