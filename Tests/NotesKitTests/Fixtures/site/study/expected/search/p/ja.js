notescSearch.shard("ja",{"javascript":[4]});
