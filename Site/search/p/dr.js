notescSearch.shard("dr",{"dr":[0,2,2,2,2,2],"dropped":[0],"dropping":[0]});
