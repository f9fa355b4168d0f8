notescSearch.shard("lo",{"longer":[2]});
