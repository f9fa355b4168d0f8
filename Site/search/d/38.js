notescSearch.doc(38,{"kind":"topic","tags":[],"text":"DeepSeek-V2 DeepSeek-V3 Mixtral","title":"Load Balancing","url":"topics/load-balancing.html"});
