notescSearch.doc(8,{"kind":"system","tags":[],"text":"","title":"Claude-3","url":"systems/claude-3.html"});
notescSearch.doc(9,{"kind":"system","tags":[],"text":"","title":"DeepSeek","url":"systems/deepseek.html"});
notescSearch.doc(10,{"kind":"system","tags":[],"text":"","title":"DeepSeek 67B","url":"systems/deepseek-67b.html"});
notescSearch.doc(11,{"kind":"system","tags":[],"text":"","title":"DeepSeek-V2","url":"systems/deepseek-v2.html"});
notescSearch.doc(12,{"kind":"system","tags":[],"text":"","title":"DeepSeek-V3","url":"systems/deepseek-v3.html"});
notescSearch.doc(13,{"kind":"system","tags":[],"text":"","title":"DeepSeekMoE","url":"systems/deepseekmoe.html"});
notescSearch.doc(14,{"kind":"system","tags":[],"text":"","title":"FP8","url":"systems/fp8.html"});
notescSearch.doc(15,{"kind":"system","tags":[],"text":"","title":"FP8-LM","url":"systems/fp8-lm.html"});
