notescSearch.shard("11",{"11":[0],"119k":[0],"11x":[0]});
