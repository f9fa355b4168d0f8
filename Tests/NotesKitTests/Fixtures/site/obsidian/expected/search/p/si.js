notescSearch.shard("si",{"sibling":[8],"sized":[6]});
