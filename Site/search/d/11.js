notescSearch.doc(11,{"kind":"system","tags":[],"text":"","title":"DeepSeek-V2","url":"systems/deepseek-v2.html"});
