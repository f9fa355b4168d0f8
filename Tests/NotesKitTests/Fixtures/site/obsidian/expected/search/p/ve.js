notescSearch.shard("ve",{"vector":[10]});
