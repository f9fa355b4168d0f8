notescSearch.doc(10,{"kind":"system","tags":[],"text":"","title":"DeepSeek 67B","url":"systems/deepseek-67b.html"});
