notescSearch.shard("sp",{"sparse":[6],"sparsity":[0,85],"specialise":[4],"specialization":[5],"speculative":[0],"speedup":[8],"spikes":[0],"split":[4]});
