notescSearch.shard("co",{"comparisons":[0,2],"connections":[0,2],"context":[1,1,7]});
