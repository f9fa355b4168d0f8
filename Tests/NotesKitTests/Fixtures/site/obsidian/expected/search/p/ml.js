notescSearch.shard("ml",{"ml":[5,6]});
