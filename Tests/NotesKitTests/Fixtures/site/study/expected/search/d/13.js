notescSearch.doc(13,{"kind":"topic","tags":[],"text":"GPT LLaMA DeepSeek-V2 DeepSeek-V3 Gemini MHA","title":"Attention Mechanisms","url":"topics/attention-mechanisms.html"});
