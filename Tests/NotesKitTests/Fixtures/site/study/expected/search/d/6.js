notescSearch.doc(6,{"kind":"system","tags":[],"text":"","title":"Gemini","url":"systems/gemini.html"});
