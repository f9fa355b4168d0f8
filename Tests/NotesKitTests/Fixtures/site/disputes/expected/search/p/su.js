notescSearch.shard("su",{"survey":[1,1]});
