notescSearch.shard("76",{"76":[10],"768":[10],"76x":[2]});
