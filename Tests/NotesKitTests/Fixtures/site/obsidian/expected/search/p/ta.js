notescSearch.shard("ta",{"tag":[1],"target":[10]});
