notescSearch.shard("ot",{"other":[6]});
