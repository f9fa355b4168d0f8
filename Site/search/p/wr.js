notescSearch.shard("wr",{"writes":[12],"written":[12]});
