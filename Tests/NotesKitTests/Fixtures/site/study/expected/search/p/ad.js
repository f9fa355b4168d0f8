notescSearch.shard("ad",{"advantage":[0]});
