notescSearch.shard("se",{"sebastian":[6],"second":[8],"see":[0],"segmentation":[4],"select":[12],"selection":[0],"sensitive":[8],"sequence":[2],"several":[4]});
