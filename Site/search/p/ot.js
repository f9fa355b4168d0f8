notescSearch.shard("ot",{"other":[6,6]});
