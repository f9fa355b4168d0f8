notescSearch.shard("av",{"avoids":[10]});
