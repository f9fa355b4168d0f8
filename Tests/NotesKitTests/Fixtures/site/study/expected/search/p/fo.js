notescSearch.shard("fo",{"footnote":[0],"for":[0]});
