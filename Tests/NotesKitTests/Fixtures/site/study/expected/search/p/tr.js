notescSearch.shard("tr",{"training":[0,2,29]});
