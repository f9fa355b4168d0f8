notescSearch.shard("mo",{"model":[1],"models":[0],"moe":[1],"more":[0]});
