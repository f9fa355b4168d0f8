notescSearch.shard("st",{"standard":[0],"study":[1,3]});
