notescSearch.shard("by",{"by":[2,2,4,2,2],"bytes":[8]});
