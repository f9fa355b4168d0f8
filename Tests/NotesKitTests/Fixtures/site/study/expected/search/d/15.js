notescSearch.doc(15,{"kind":"topic","tags":[],"text":"DeepSeek-V3 LLaMA-3","title":"Training Cost","url":"topics/training-cost.html"});
