notescSearch.shard("tr",{"trade":[10],"traffic":[0,4],"train":[2],"trained":[0,2],"training":[1,1,4,3,1,81,2,2],"transformer":[8,47,33],"travel":[8],"trick":[4,6],"tricks":[8],"trillion":[0,2]});
