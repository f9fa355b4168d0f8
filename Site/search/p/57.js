notescSearch.shard("57",{"576":[2,8],"576m":[0,12]});
