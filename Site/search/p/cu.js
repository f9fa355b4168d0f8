notescSearch.shard("cu",{"curves":[8],"cuts":[4]});
