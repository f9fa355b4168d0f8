notescSearch.shard("va",{"values":[2]});
