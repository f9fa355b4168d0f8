notescSearch.shard("93",{"93":[2,4]});
