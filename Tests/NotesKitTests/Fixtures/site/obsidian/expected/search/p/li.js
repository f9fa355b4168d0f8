notescSearch.shard("li",{"line":[10],"lines":[10],"link":[6],"linkable":[6],"linked":[6],"links":[6]});
