notescSearch.doc(32,{"kind":"topic","tags":[],"text":"GPT-4 Claude-3 DeepSeek-V3 Gemini","title":"Context Length","url":"topics/context-length.html"});
