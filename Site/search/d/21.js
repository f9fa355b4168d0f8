notescSearch.doc(21,{"kind":"system","tags":[],"text":"","title":"LLaMA","url":"systems/llama.html"});
