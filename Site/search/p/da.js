notescSearch.shard("da",{"dai":[4],"data":[6],"datacenter":[6],"date":[0,2,2,2,2,2,2]});
