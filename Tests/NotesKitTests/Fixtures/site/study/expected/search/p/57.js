notescSearch.shard("57",{"576":[2]});
