notescSearch.shard("mi",{"microsoft":[8],"mixed":[0,9],"mixes":[2],"mixtral":[0,2,2,2,4,41,17,8,6,4,12],"mixture":[1,2,2]});
