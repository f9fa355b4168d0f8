notescSearch.doc(8,{"kind":"system","tags":[],"text":"","title":"\u003cimg src=x onerror=alert(2)>","url":"systems/img-src-x-onerror-alert-2.html"});
notescSearch.doc(9,{"kind":"system","tags":[],"text":"","title":"LLaMA","url":"systems/llama.html"});
notescSearch.doc(10,{"kind":"system","tags":[],"text":"","title":"LLaMA-3","url":"systems/llama-3.html"});
notescSearch.doc(11,{"kind":"system","tags":[],"text":"","title":"MHA","url":"systems/mha.html"});
notescSearch.doc(12,{"kind":"system","tags":[],"text":"","title":"Safe-System","url":"systems/safe-system.html"});
notescSearch.doc(13,{"kind":"topic","tags":[],"text":"GPT LLaMA DeepSeek-V2 DeepSeek-V3 Gemini MHA","title":"Attention Mechanisms","url":"topics/attention-mechanisms.html"});
notescSearch.doc(14,{"kind":"topic","tags":[],"text":"\u003cimg src=x onerror=alert(2)> Safe-System","title":"\u003csvg onload=alert(1)> Topic","url":"topics/svg-onload-alert-1-topic.html"});
notescSearch.doc(15,{"kind":"topic","tags":[],"text":"DeepSeek-V3 LLaMA-3","title":"Training Cost","url":"topics/training-cost.html"});
