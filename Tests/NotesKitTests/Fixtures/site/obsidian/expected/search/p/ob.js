notescSearch.shard("ob",{"obsidian":[1]});
