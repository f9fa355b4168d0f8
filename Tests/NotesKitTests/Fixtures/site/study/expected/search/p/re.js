notescSearch.shard("re",{"read":[0],"reading":[0],"real":[0],"reason":[6],"reduction":[0]});
