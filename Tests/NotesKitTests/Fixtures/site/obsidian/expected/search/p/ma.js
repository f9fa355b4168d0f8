notescSearch.shard("ma",{"math":[2,9]});
