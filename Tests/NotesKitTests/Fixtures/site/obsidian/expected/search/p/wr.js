notescSearch.shard("wr",{"written":[10]});
