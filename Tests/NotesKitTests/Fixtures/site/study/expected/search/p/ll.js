notescSearch.shard("ll",{"llama":[0,19,2,5,4],"llm":[1,1]});
