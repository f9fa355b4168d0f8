notescSearch.shard("ue",{"ueø":[6]});
