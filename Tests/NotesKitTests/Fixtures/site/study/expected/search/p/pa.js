notescSearch.shard("pa",{"paper":[0,3],"papers":[0],"params":[0]});
