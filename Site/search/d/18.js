notescSearch.doc(18,{"kind":"system","tags":[],"text":"","title":"GQA","url":"systems/gqa.html"});
