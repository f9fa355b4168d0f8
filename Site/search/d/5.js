notescSearch.doc(40,{"kind":"topic","tags":[],"text":"MHA GQA MQA MLA","title":"Model Quality","url":"topics/model-quality.html"});
notescSearch.doc(41,{"kind":"topic","tags":[],"text":"GPT-4 DeepSeek-V3 Mixtral","title":"MoE Architectures","url":"topics/moe-architectures.html"});
notescSearch.doc(42,{"kind":"topic","tags":[],"text":"DeepSeek-V3 DeepSeek-V2 LLaMA-3","title":"Scale and Sparsity","url":"topics/scale-and-sparsity.html"});
notescSearch.doc(43,{"kind":"topic","tags":[],"text":"Mixtral DeepSeekMoE","title":"Shared Knowledge","url":"topics/shared-knowledge.html"});
notescSearch.doc(44,{"kind":"topic","tags":[],"text":"DeepSeekMoE GShard","title":"Small-Scale Quality","url":"topics/small-scale-quality.html"});
notescSearch.doc(45,{"kind":"topic","tags":[],"text":"BF16 FP8 Transformer Engine","title":"Throughput (GPT-175B on H100)","url":"topics/throughput-gpt-175b-on-h100.html"});
notescSearch.doc(46,{"kind":"topic","tags":[],"text":"DeepSeek-V2 DeepSeek 67B","title":"Training Cost","url":"topics/training-cost.html"});
notescSearch.doc(47,{"kind":"topic","tags":[],"text":"DeepSeek-V3 LLaMA-3 GPT-4","title":"Training Efficiency","url":"topics/training-efficiency.html"});
