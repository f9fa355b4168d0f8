notescSearch.shard("qu",{"quote":[4],"quoted":[6],"quotes":[6]});
