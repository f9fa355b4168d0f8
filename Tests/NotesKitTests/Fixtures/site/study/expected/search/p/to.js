notescSearch.shard("to",{"to":[0,4],"token":[2],"topic":[6,23]});
