notescSearch.shard("tu",{"turns":[12]});
