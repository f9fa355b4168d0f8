notescSearch.shard("te",{"test":[0],"text":[0]});
