notescSearch.shard("bi",{"bias":[0],"big":[0,2,2,3,1,2],"bigger":[2,6],"billion":[4],"billions":[12],"bit":[2,8],"bits":[2,6]});
