notescSearch.shard("ra",{"rank":[2],"raw":[6]});
