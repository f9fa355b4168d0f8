notescSearch.shard("un",{"unique":[6],"until":[0]});
