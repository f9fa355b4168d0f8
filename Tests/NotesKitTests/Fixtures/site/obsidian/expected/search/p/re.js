notescSearch.shard("re",{"regression":[8],"relative":[6],"return":[2]});
