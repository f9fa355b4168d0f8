notescSearch.shard("so",{"some":[4],"source":[0,6]});
