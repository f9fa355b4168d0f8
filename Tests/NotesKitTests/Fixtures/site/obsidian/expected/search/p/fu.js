notescSearch.shard("fu",{"functions":[9],"further":[6],"fuse":[4]});
