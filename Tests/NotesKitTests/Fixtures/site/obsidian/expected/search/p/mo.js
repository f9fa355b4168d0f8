notescSearch.shard("mo",{"most":[8]});
