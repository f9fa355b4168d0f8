notescSearch.shard("ra",{"ran":[8],"rank":[2,8],"raschka":[2,5,3],"ratio":[0]});
