notescSearch.shard("th",{"that":[6],"the":[0,4,2,2,2],"thin":[10],"this":[6],"three":[10]});
