notescSearch.shard("aw",{"aware":[8]});
