notescSearch.shard("en",{"end":[2,4,4],"entropy":[5,3]});
