notescSearch.doc(16,{"kind":"system","tags":[],"text":"","title":"Gemini","url":"systems/gemini.html"});
notescSearch.doc(17,{"kind":"system","tags":[],"text":"","title":"GPT","url":"systems/gpt.html"});
notescSearch.doc(18,{"kind":"system","tags":[],"text":"","title":"GPT-4","url":"systems/gpt-4.html"});
notescSearch.doc(19,{"kind":"system","tags":[],"text":"","title":"GQA","url":"systems/gqa.html"});
notescSearch.doc(20,{"kind":"system","tags":[],"text":"","title":"GShard","url":"systems/gshard.html"});
notescSearch.doc(21,{"kind":"system","tags":[],"text":"","title":"LLaMA","url":"systems/llama.html"});
notescSearch.doc(22,{"kind":"system","tags":[],"text":"","title":"LLaMA-3","url":"systems/llama-3.html"});
notescSearch.doc(23,{"kind":"system","tags":[],"text":"","title":"LLaMA2","url":"systems/llama2.html"});
