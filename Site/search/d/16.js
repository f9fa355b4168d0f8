notescSearch.doc(16,{"kind":"system","tags":[],"text":"","title":"Gemini","url":"systems/gemini.html"});
