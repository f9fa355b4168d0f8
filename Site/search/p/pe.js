notescSearch.shard("pe",{"penalty":[10],"peng":[8],"per":[0,2,2,4,2,2,63]});
