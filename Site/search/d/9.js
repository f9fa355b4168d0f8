notescSearch.doc(9,{"kind":"system","tags":[],"text":"","title":"DeepSeek","url":"systems/deepseek.html"});
