notescSearch.doc(2,{"kind":"system","tags":[],"text":"","title":"Lynx","url":"systems/lynx.html"});
