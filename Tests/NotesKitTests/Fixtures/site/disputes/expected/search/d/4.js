notescSearch.doc(4,{"kind":"topic","tags":[],"text":"Lynx Otter","title":"Context Length","url":"topics/context-length.html"});
