notescSearch.shard("uv",{"uv":[10]});
