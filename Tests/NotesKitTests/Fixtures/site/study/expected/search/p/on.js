notescSearch.shard("on",{"on":[0],"onerror":[7,10,11],"onload":[6,23],"onmouseover":[7]});
