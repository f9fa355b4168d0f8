notescSearch.shard("la",{"language":[2,2,4],"large":[4,4],"larger":[2,6],"latent":[2,9],"layer":[0,2,2,6],"layers":[0,2,8]});
