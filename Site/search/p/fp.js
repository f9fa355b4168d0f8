notescSearch.shard("fp",{"fp32":[8],"fp8":[1,5,3,20,2,40,7,12]});
