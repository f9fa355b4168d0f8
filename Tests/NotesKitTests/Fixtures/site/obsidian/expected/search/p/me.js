notescSearch.shard("me",{"mean":[2],"measures":[4],"mermaid":[2]});
