notescSearch.shard("el",{"element":[2],"elements":[2,6,2],"elems":[2],"eleven":[12],"else":[10]});
