notescSearch.shard("70",{"70b":[0]});
