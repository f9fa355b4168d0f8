notescSearch.shard("sc",{"screenshot":[6]});
