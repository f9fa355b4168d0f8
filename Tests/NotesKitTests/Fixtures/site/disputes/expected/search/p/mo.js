notescSearch.shard("mo",{"model":[0]});
