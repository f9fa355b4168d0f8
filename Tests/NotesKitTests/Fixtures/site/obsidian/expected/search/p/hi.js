notescSearch.shard("hi",{"hidden":[0],"highlighted":[0,2],"highlighting":[2]});
