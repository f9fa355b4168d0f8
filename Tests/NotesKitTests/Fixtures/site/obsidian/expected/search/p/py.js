notescSearch.shard("py",{"python":[2]});
