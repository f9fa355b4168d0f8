notescSearch.shard("ge",{"gemini":[0,13,13]});
