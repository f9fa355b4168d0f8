notescSearch.shard("ac",{"according":[12],"across":[2,2,9],"activate":[4],"activated":[2],"activates":[0,12],"activation":[8,2],"activations":[0],"active":[0,2,2],"actually":[6]});
