notescSearch.shard("ph",{"philosophy":[6,53]});
