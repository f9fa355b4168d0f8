notescSearch.shard("h8",{"h800":[0,12]});
