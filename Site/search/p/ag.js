notescSearch.shard("ag",{"against":[2]});
