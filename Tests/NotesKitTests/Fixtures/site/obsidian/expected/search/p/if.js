notescSearch.shard("if",{"if":[10]});
