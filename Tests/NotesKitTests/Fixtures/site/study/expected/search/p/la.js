notescSearch.shard("la",{"language":[0],"large":[0],"latent":[0,3],"layer":[2]});
