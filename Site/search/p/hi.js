notescSearch.shard("hi",{"hides":[0],"higher":[8]});
