notescSearch.shard("dr",{"dr":[0,2]});
