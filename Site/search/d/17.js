notescSearch.doc(17,{"kind":"system","tags":[],"text":"","title":"GPT-4","url":"systems/gpt-4.html"});
