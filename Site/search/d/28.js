notescSearch.doc(28,{"kind":"topic","tags":[],"text":"GPT LLaMA DeepSeek","title":"Architecture Philosophy","url":"topics/architecture-philosophy.html"});
