notescSearch.doc(8,{"kind":"system","tags":[],"text":"","title":"DeepSeek","url":"systems/deepseek.html"});
