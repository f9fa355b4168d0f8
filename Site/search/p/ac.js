notescSearch.shard("ac",{"across":[2,2],"activate":[4],"activated":[2],"activates":[0],"activation":[8,2],"activations":[0],"active":[0,2,2],"actually":[6]});
