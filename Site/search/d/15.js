notescSearch.doc(15,{"kind":"system","tags":[],"text":"","title":"FP8-LM","url":"systems/fp8-lm.html"});
