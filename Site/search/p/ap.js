notescSearch.shard("ap",{"applies":[8],"approach":[6],"approaches":[4,2],"approximate":[12]});
