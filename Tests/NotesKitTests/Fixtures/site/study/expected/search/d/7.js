notescSearch.doc(7,{"kind":"system","tags":[],"text":"","title":"GPT","url":"systems/gpt.html"});
