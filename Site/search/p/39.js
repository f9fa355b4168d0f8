notescSearch.shard("39",{"39":[8]});
