notescSearch.doc(17,{"kind":"system","tags":[],"text":"","title":"GPT","url":"systems/gpt.html"});
