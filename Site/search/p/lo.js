notescSearch.shard("lo",{"load":[0,6,71],"long":[8],"look":[4],"lookup":[4],"lose":[10],"loss":[0,4,2,2],"losses":[0,2],"low":[2,7,1],"lower":[2,10]});
