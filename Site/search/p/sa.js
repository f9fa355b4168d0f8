notescSearch.shard("sa",{"safe":[8],"same":[4,6],"save":[10],"saved":[2],"saves":[10],"saving":[2],"savings":[10],"say":[6]});
