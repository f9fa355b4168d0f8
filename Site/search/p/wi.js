notescSearch.shard("wi",{"widths":[2],"win":[2],"winner":[6],"wins":[4,2,2],"with":[0,2,2,4,2],"within":[10],"without":[0,6,4]});
