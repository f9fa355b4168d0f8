notescSearch.shard("mq",{"mqa":[10,45,19,6]});
