notescSearch.shard("xs",{"xs":[2]});
