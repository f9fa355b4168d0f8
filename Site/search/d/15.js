notescSearch.doc(15,{"kind":"system","tags":[],"text":"","title":"Gemini","url":"systems/gemini.html"});
