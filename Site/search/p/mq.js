notescSearch.shard("mq",{"mqa":[10,43,19,6]});
