notescSearch.doc(41,{"kind":"topic","tags":[],"text":"GPT-4 DeepSeek-V3 Mixtral","title":"MoE Architectures","url":"topics/moe-architectures.html"});
