notescSearch.shard("ha",{"halves":[0],"handle":[8],"has":[0,4,2],"have":[4]});
