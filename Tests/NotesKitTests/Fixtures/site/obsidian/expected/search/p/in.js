notescSearch.shard("in",{"in":[4],"indented":[10],"inline":[1],"input":[10],"into":[6]});
