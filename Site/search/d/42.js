notescSearch.doc(42,{"kind":"topic","tags":[],"text":"DeepSeek-V3 DeepSeek-V2 LLaMA-3","title":"Scale and Sparsity","url":"topics/scale-and-sparsity.html"});
