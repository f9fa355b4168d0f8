notescSearch.shard("on",{"on":[0,2,2,2,2,2,81],"once":[8],"one":[0,2,2,2,2,2,2],"ones":[4],"only":[0,8,2]});
