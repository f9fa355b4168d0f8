notescSearch.shard("co",{"code":[3,3,4],"comment":[2],"cost":[10]});
