notescSearch.doc(18,{"kind":"system","tags":[],"text":"","title":"GPT-4","url":"systems/gpt-4.html"});
