notescSearch.doc(12,{"kind":"system","tags":[],"text":"","title":"DeepSeek-V3","url":"systems/deepseek-v3.html"});
