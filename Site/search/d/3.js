notescSearch.doc(24,{"kind":"system","tags":[],"text":"","title":"MHA","url":"systems/mha.html"});
notescSearch.doc(25,{"kind":"system","tags":[],"text":"","title":"Mixtral","url":"systems/mixtral.html"});
notescSearch.doc(26,{"kind":"system","tags":[],"text":"","title":"MLA","url":"systems/mla.html"});
notescSearch.doc(27,{"kind":"system","tags":[],"text":"","title":"MQA","url":"systems/mqa.html"});
notescSearch.doc(28,{"kind":"system","tags":[],"text":"","title":"Transformer Engine","url":"systems/transformer-engine.html"});
notescSearch.doc(29,{"kind":"topic","tags":[],"text":"GPT LLaMA DeepSeek","title":"Architecture Philosophy","url":"topics/architecture-philosophy.html"});
notescSearch.doc(30,{"kind":"topic","tags":[],"text":"DeepSeek-V2 DeepSeek 67B GPT LLaMA DeepSeek-V3 Gemini","title":"Attention Mechanisms","url":"topics/attention-mechanisms.html"});
notescSearch.doc(31,{"kind":"topic","tags":[],"text":"DeepSeekMoE LLaMA2 DeepSeek 67B","title":"Compute vs Dense","url":"topics/compute-vs-dense.html"});
