notescSearch.shard("on",{"on":[10],"one":[4,6]});
