notescSearch.shard("pu",{"publishes":[6],"pushing":[6],"put":[8]});
