notescSearch.shard("fa",{"factors":[8],"facts":[12],"fair":[2],"far":[2,2,4,2],"faster":[8]});
