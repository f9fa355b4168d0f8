notescSearch.shard("ba",{"back":[4],"background":[0]});
