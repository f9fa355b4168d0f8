notescSearch.shard("cl",{"classifiers":[8],"clicked":[0]});
