notescSearch.shard("du",{"dualpipe":[0,4],"duplicated":[4],"during":[10]});
