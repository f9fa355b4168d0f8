notescSearch.shard("ll",{"llama":[0,6,4,2,31,2,13,2,24,10,2,2],"llama2":[4,43,15],"llm":[0,2,2,3,1,2]});
