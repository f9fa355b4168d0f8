notescSearch.shard("pa",{"page":[0],"paragraph":[0,6],"pasted":[6],"path":[6]});
