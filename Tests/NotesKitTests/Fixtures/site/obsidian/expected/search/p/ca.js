notescSearch.shard("ca",{"callout":[0,6],"callouts":[1,5],"can":[6]});
