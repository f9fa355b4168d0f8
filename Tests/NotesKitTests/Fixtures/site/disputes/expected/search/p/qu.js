notescSearch.shard("qu",{"quotes":[2]});
