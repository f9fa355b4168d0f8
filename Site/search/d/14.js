notescSearch.doc(14,{"kind":"system","tags":[],"text":"","title":"FP8","url":"systems/fp8.html"});
