notescSearch.shard("sh",{"shards":[8],"shared":[0,2,2,2,4,77],"show":[4],"shows":[8]});
