notescSearch.shard("ah",{"ahead":[6]});
