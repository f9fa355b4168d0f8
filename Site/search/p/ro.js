notescSearch.shard("ro",{"rope":[2,9],"rotates":[10],"roughly":[0],"rounded":[2],"rounds":[0,12],"routed":[0,2,2],"routing":[0,2,3,1,63]});
