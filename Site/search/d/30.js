notescSearch.doc(30,{"kind":"topic","tags":[],"text":"DeepSeek-V2 DeepSeek 67B GPT LLaMA DeepSeek-V3 Gemini","title":"Attention Mechanisms","url":"topics/attention-mechanisms.html"});
