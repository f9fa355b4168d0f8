notescSearch.shard("cr",{"cross":[5,3]});
