notescSearch.shard("re",{"reads":[0,2],"release":[2]});
