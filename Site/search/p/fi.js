notescSearch.shard("fi",{"figure":[0,12],"fine":[0,2,2,2,2],"finer":[8],"fire":[0],"first":[4],"fits":[2],"fix":[10],"fixes":[4]});
