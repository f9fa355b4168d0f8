notescSearch.shard("di",{"diagram":[2],"display":[10],"distribution":[4]});
