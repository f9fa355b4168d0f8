notescSearch.doc(43,{"kind":"topic","tags":[],"text":"Mixtral DeepSeekMoE","title":"Shared Knowledge","url":"topics/shared-knowledge.html"});
