notescSearch.doc(23,{"kind":"system","tags":[],"text":"","title":"LLaMA2","url":"systems/llama2.html"});
