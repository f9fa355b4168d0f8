notescSearch.shard("di",{"did":[12],"difference":[4],"dim":[2,8],"dimensions":[10],"disputed":[12],"distinct":[12],"distributed":[8]});
