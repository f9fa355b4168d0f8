notescSearch.shard("ha",{"halves":[0],"handful":[12],"handle":[8],"has":[0,4,2,6],"have":[4]});
