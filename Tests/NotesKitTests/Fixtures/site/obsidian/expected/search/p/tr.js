notescSearch.shard("tr",{"train":[8],"true":[4]});
