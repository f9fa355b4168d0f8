notescSearch.shard("go",{"goes":[0],"good":[0,6],"got":[6]});
