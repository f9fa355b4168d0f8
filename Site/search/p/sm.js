notescSearch.shard("sm",{"small":[0,4,85],"smaller":[2,2,6],"smallest":[10]});
