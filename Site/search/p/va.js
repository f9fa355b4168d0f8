notescSearch.shard("va",{"validation":[4],"value":[12],"values":[2,6,2],"variants":[6]});
