notescSearch.shard("ph",{"philosophy":[6,51]});
