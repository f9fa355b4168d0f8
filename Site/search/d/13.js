notescSearch.doc(13,{"kind":"system","tags":[],"text":"","title":"FP8","url":"systems/fp8.html"});
