notescSearch.shard("wo",{"won":[6],"work":[8],"worked":[2],"working":[10],"works":[0,12],"worse":[4]});
