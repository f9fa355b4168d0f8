notescSearch.doc(31,{"kind":"topic","tags":[],"text":"DeepSeekMoE LLaMA2 DeepSeek 67B","title":"Compute vs Dense","url":"topics/compute-vs-dense.html"});
