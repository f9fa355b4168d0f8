notescSearch.shard("co",{"code":[4,2],"com":[0],"comes":[0],"compare":[2],"compares":[2],"comparing":[0],"comparison":[1],"comparisons":[0,2,4],"connections":[0,2,4],"cost":[0,2,29]});
