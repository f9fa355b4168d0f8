notescSearch.shard("ke",{"keep":[10],"keeping":[2],"keeps":[0,2,6],"key":[0,2,2,2,2,2],"keys":[2,8]});
