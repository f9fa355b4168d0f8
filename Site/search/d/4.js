notescSearch.doc(32,{"kind":"topic","tags":[],"text":"GPT-4 Claude-3 DeepSeek-V3 Gemini","title":"Context Length","url":"topics/context-length.html"});
notescSearch.doc(33,{"kind":"topic","tags":[],"text":"GShard DeepSeekMoE","title":"Expert Granularity","url":"topics/expert-granularity.html"});
notescSearch.doc(34,{"kind":"topic","tags":[],"text":"DeepSeek-V2 Mixtral","title":"Expert Routing","url":"topics/expert-routing.html"});
notescSearch.doc(35,{"kind":"topic","tags":[],"text":"FP8-LM DeepSeek-V3","title":"FP8 Formats","url":"topics/fp8-formats.html"});
notescSearch.doc(36,{"kind":"topic","tags":[],"text":"DeepSeek-V2 DeepSeek 67B","title":"KV Cache","url":"topics/kv-cache.html"});
notescSearch.doc(37,{"kind":"topic","tags":[],"text":"MHA GQA MQA MLA","title":"KV Cache per Token","url":"topics/kv-cache-per-token.html"});
notescSearch.doc(38,{"kind":"topic","tags":[],"text":"DeepSeek-V2 DeepSeek-V3 Mixtral","title":"Load Balancing","url":"topics/load-balancing.html"});
notescSearch.doc(39,{"kind":"topic","tags":[],"text":"BF16 FP8","title":"Memory","url":"topics/memory.html"});
