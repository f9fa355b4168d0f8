notescSearch.shard("te",{"technical":[1,2,1,2,2,2,2],"techniques":[6],"tensor":[8],"tensors":[8],"term":[6]});
