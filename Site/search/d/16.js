notescSearch.doc(16,{"kind":"system","tags":[],"text":"","title":"GPT","url":"systems/gpt.html"});
