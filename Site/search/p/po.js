notescSearch.shard("po",{"position":[10],"possible":[4],"post":[0]});
