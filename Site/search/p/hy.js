notescSearch.shard("hy",{"hybrid":[8],"hybridity":[4],"hyperparameter":[8]});
