notescSearch.shard("sc",{"script":[7]});
