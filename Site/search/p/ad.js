notescSearch.shard("ad",{"adam":[8],"added":[0],"adds":[0,8],"advantage":[6]});
