notescSearch.shard("pe",{"per":[2]});
