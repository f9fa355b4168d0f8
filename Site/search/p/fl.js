notescSearch.shard("fl",{"flop":[4],"flops":[4]});
