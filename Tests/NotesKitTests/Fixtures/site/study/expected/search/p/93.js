notescSearch.shard("93",{"93":[0]});
