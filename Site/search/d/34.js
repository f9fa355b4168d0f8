notescSearch.doc(34,{"kind":"topic","tags":[],"text":"DeepSeek-V2 Mixtral","title":"Expert Routing","url":"topics/expert-routing.html"});
