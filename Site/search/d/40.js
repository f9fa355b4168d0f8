notescSearch.doc(40,{"kind":"topic","tags":[],"text":"GPT-4 DeepSeek-V3 Mixtral","title":"MoE Architectures","url":"topics/moe-architectures.html"});
