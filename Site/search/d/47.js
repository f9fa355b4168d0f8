notescSearch.doc(47,{"kind":"topic","tags":[],"text":"DeepSeek-V3 LLaMA-3 GPT-4","title":"Training Efficiency","url":"topics/training-efficiency.html"});
