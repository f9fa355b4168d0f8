notescSearch.shard("ma",{"markdown":[4]});
