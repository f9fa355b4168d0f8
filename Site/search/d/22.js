notescSearch.doc(22,{"kind":"system","tags":[],"text":"","title":"LLaMA-3","url":"systems/llama-3.html"});
