notescSearch.shard("mo",{"model":[1,2,1,3,3,69],"models":[4,2,2],"module":[0],"moe":[1,2,2,1,2,73],"moes":[4],"moment":[8],"moments":[8],"more":[0,4,2],"most":[0,2,4,4],"mostly":[2,6],"move":[8]});
