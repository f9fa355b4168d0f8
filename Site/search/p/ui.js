notescSearch.shard("ui",{"ui":[6],"uio":[6],"uiu":[6]});
