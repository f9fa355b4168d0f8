notescSearch.shard("ba",{"back":[2]});
