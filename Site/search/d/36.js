notescSearch.doc(36,{"kind":"topic","tags":[],"text":"DeepSeek-V2 DeepSeek 67B","title":"KV Cache","url":"topics/kv-cache.html"});
