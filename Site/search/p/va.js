notescSearch.shard("va",{"validation":[4],"values":[2,6,2],"variants":[6]});
