notescSearch.doc(29,{"kind":"topic","tags":[],"text":"GPT LLaMA DeepSeek","title":"Architecture Philosophy","url":"topics/architecture-philosophy.html"});
