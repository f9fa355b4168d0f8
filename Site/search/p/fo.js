notescSearch.shard("fo",{"folder":[12],"for":[0,2,2,2,2],"formats":[8,63],"forward":[2,6],"found":[12]});
