notescSearch.shard("kn",{"knew":[6],"knowledge":[4,83]});
