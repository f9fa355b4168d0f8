notescSearch.doc(20,{"kind":"system","tags":[],"text":"","title":"LLaMA","url":"systems/llama.html"});
