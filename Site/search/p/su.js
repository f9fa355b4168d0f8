notescSearch.shard("su",{"successor":[2],"sums":[8],"supplies":[10],"survey":[0,2,5],"survive":[8],"survived":[4]});
