notescSearch.doc(19,{"kind":"system","tags":[],"text":"","title":"GQA","url":"systems/gqa.html"});
