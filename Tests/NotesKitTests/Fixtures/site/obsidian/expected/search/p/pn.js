notescSearch.shard("pn",{"png":[6]});
