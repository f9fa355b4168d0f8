notescSearch.doc(9,{"kind":"system","tags":[],"text":"","title":"LLaMA","url":"systems/llama.html"});
